package org.gridwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gridwatch: grid boundaries, sky net, ground net and incidents for a city district. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GridwatchApplication {
  public static void main(String[] args) {
    SpringApplication.run(GridwatchApplication.class, args);
  }
}
