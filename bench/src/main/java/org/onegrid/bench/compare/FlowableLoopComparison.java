package org.onegrid.bench.compare;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

/**
 * The same closed loop as {@link OneGridLoopComparison}, as a BPMN process with user tasks in Flowable 7's standalone
 * engine on the same PostgreSQL (its own database), history level {@code audit}:
 *
 * <ol>
 *   <li>report — the grid worker starts the process (the initiator is the reporter; the item, text, place and the
 *       village centre as variables);
 *   <li>accept, dispatch — user tasks of the village centre's group; dispatching names the department;
 *   <li>sign, complete — user tasks of the department's group; completing attaches the photo after (the same
 *       JPEG as OneGrid's side, stored by Flowable as an attachment);
 *   <li>verify — the reporting grid worker's task; passing goes on to close, failing back to complete;
 *   <li>close — the village centre's task (回访); the process ends.
 * </ol>
 *
 * Each step is done as a client of a workflow engine does it: find the task that this user may do in this process
 * (candidate group or assignee — Flowable's check of who may act), add a comment as the step's history entry
 * (who, when, what was said), complete the task with the step's variables; the three in one Flowable command, so
 * one transaction per step as on OneGrid's side (standalone, each service call would be a transaction of its own).
 * With {@code audit} history Flowable also records the historic process, activity, task and variable
 * instances. After the run, every measured process is checked to have ended with its seven comments.
 *
 * <p>Arguments: the JDBC URL of an empty database, the user, and a file to write the loops a second to.
 */
public final class FlowableLoopComparison {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FlowableLoopComparison <jdbc-url> <user> <result-file>");
            System.exit(2);
        }
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(args[0]);
        configuration.setJdbcUsername(args[1]);
        configuration.setJdbcPassword("");
        configuration.setJdbcDriver("org.postgresql.Driver");
        // the same number of connections as the application's pool
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setJdbcMaxIdleConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("compare/incident-loop.bpmn20.xml")
                    .deploy();
            Steps steps = new Steps(engine);
            long before = engine.getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .finished()
                    .count();
            long closingBefore =
                    engine.getTaskService().getCommentsByType("close").size();
            double perSecond = ClosedLoops.measure("Flowable", database(args[0]), steps::loop);
            steps.check(before, closingBefore);
            Files.writeString(Path.of(args[2]), Double.toString(perSecond));
        } finally {
            engine.close();
        }
    }

    /** The loop's steps as clients of the engine perform them. */
    static final class Steps {

        private final RuntimeService runtime;
        private final TaskService tasks;
        private final HistoryService history;
        private final ManagementService commands;

        Steps(ProcessEngine engine) {
            this.commands = engine.getManagementService();
            this.runtime = engine.getRuntimeService();
            this.tasks = engine.getTaskService();
            this.history = engine.getHistoryService();
        }

        void loop(int client, long n) {
            // the same people as OneGrid's side: one grid, its worker, its village centre, the county's 城管执法
            String gridWorker = "gw-" + client;
            String centre = "village-centre-" + client;
            String department = "chengguan-" + client;
            String dispatcher = "vd-" + client;
            String handler = "chengguan-handler-" + client;
            Map<String, Object> report = new HashMap<>();
            report.put("item", OneGridLoopComparison.ITEM);
            report.put("text", "商业街路口流动摊贩占道经营，影响行人通行（第" + n + "次巡查）");
            report.put("longitude", 118.5 + client / 100.0);
            report.put("latitude", 37.4 + client / 100.0);
            report.put("grid", "grid-" + client);
            report.put("centre", centre);
            String id;
            try {
                Authentication.setAuthenticatedUserId(gridWorker);
                id = commands.executeCommand(context -> {
                    String started = runtime.startProcessInstanceByKey("incidentLoop", report)
                            .getId();
                    tasks.addComment(null, started, "report", (String) report.get("text"));
                    return started;
                });
            } finally {
                Authentication.setAuthenticatedUserId(null);
            }
            step(id, "accept", dispatcher, centre, "情况属实，予以受理", Map.of(), false);
            step(id, "dispatch", dispatcher, centre, "派城管执法处置", Map.of("department", department), false);
            step(id, "sign", handler, department, "签收", Map.of(), false);
            step(id, "complete", handler, department, "已劝离摊贩，恢复通行", Map.of("result", "已劝离摊贩，恢复通行"), true);
            step(id, "verify", gridWorker, null, "现场复核已无占道", Map.of("passed", true), false);
            step(id, "close", dispatcher, centre, "回访：满意", Map.of("satisfaction", "SATISFIED"), false);
        }

        /** One step: the task this user may do in this process, a comment as its history entry, then done. */
        private void step(
                String process,
                String expected,
                String user,
                String group,
                String comment,
                Map<String, Object> vars,
                boolean photo) {
            try {
                Authentication.setAuthenticatedUserId(user);
                // the step's calls in one command, so one transaction, as OneGrid's action is
                commands.executeCommand(context -> {
                    TaskQuery query = tasks.createTaskQuery().processInstanceId(process);
                    // a task of one of the user's groups, or assigned to the user (the reporter verifies)
                    Task task = (group == null ? query.taskAssignee(user) : query.taskCandidateGroupIn(List.of(group)))
                            .singleResult();
                    if (task == null || !task.getTaskDefinitionKey().equals(expected)) {
                        throw new IllegalStateException(user + " has no task " + expected + " in process " + process);
                    }
                    tasks.addComment(task.getId(), process, expected, comment);
                    if (photo) {
                        tasks.createAttachment(
                                "image/jpeg",
                                task.getId(),
                                process,
                                "photo.jpg",
                                "photo after",
                                new ByteArrayInputStream(Evidence.photo()));
                    }
                    tasks.complete(task.getId(), vars);
                    return null;
                });
            } finally {
                Authentication.setAuthenticatedUserId(null);
            }
        }

        /** Every process run has ended, each with the seven history entries of its steps. */
        void check(long finishedBefore, long closingBefore) {
            long running = runtime.createProcessInstanceQuery().count();
            long finished =
                    history.createHistoricProcessInstanceQuery().finished().count() - finishedBefore;
            long comments = tasks.getCommentsByType("close").size() - closingBefore;
            System.out.printf(
                    Locale.ROOT,
                    "Flowable: %,d processes ended, %,d still running, %,d closing comments%n",
                    finished,
                    running,
                    comments);
            if (running != 0 || comments != finished) {
                throw new IllegalStateException("some loops did not close");
            }
        }
    }

    /** The database named by a JDBC URL. */
    static String database(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
