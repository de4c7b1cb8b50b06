package org.gridwatch.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * With {@code gridwatch.datasource.replica.url} set: the application's {@code DataSource} becomes a
 * {@link ReplicaRoutingDataSource} over the primary's pool (built from {@code spring.datasource.*} and
 * {@code spring.datasource.hikari.*} as Spring Boot would) and a read-only pool on the standby; {@link MayLag}
 * methods are intercepted; {@link ReadYourWrites} pins a client that just wrote. Without it this class does nothing
 * and Spring Boot builds the one pool as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${gridwatch.datasource.replica.url:}'.isBlank()")
class ReplicaConfig {

  @Bean
  @Primary
  ReplicaRoutingDataSource dataSource(DataSourceProperties properties, ReplicaSettings replica, Environment environment) {
    HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
    if (primary.getPoolName() == null) primary.setPoolName("primary");

    HikariConfig standbyConfig = new HikariConfig();
    primary.copyStateTo(standbyConfig);
    standbyConfig.setJdbcUrl(replica.url());
    standbyConfig.setUsername(blank(replica.username()) ? properties.determineUsername() : replica.username());
    standbyConfig.setPassword(blank(replica.password()) ? properties.determinePassword() : replica.password());
    standbyConfig.setPoolName("standby");
    standbyConfig.setReadOnly(true);
    standbyConfig.setMaximumPoolSize(replica.maxPoolSize());
    standbyConfig.setMinimumIdle(Math.min(2, replica.maxPoolSize()));
    // a standby that went away must not hold a map read for Hikari's default 30 s: fail fast, read the primary next time
    standbyConfig.setConnectionTimeout(Math.min(standbyConfig.getConnectionTimeout(), 2000));
    standbyConfig.setInitializationFailTimeout(-1); // the application starts even when the standby is down
    HikariDataSource standby = new HikariDataSource(standbyConfig);

    StandbyFreshness freshness = new StandbyFreshness(primary, standby, replica.maxLag(), replica.checkInterval());
    freshness.start();
    return new ReplicaRoutingDataSource(primary, standby, freshness);
  }

  /** Outermost advice, so that a {@code @Transactional} on the same method takes its connection inside the call. */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor mayLagAdvisor() {
    DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
        new ComposablePointcut(AnnotationMatchingPointcut.forClassAnnotation(MayLag.class))
            .union(AnnotationMatchingPointcut.forMethodAnnotation(MayLag.class)),
        new MayLagInterceptor());
    advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return advisor;
  }

  @Bean
  FilterRegistrationBean<ReadYourWrites> readYourWrites(ReplicaRoutingDataSource dataSource, ReplicaSettings replica) {
    FilterRegistrationBean<ReadYourWrites> registration =
        new FilterRegistrationBean<>(new ReadYourWrites(dataSource.freshness(), replica.maxLag()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // before security, so that its answers carry no cookie
    return registration;
  }

  private static boolean blank(String s) { return s == null || s.isBlank(); }
}
