# Sourced by the benchmark commands: Maven with a local repository of the benchmarks' own (bench/target/m2), chained
# before the usual one, so that the application's jar they install is this checkout's and stays so while they run:
# another checkout installing the same version meanwhile cannot change what is measured.
bench_mvn() {
  ./mvnw -q -B -ntp -Dmaven.repo.local="$PWD/bench/target/m2" \
      -Dmaven.repo.local.tail="${MAVEN_REPO:-$HOME/.m2/repository}" "$@"
}
