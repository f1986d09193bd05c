package org.onegrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** OneGrid: the city-wide social-governance platform (市域社会治理 一网统管). */
@SpringBootApplication
@EnableScheduling
public class OneGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneGridApplication.class, args);
    }
}
