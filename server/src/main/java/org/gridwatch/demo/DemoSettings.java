package org.gridwatch.demo;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The demo's own settings ({@code gridwatch/demo.properties}): the credit its boundaries need (OpenStreetMap, ODbL).
 * A property source of lowest precedence, present only with the demo data, so a district's own deployment never
 * shows the demo's credit and anything the operator sets wins.
 */
@Configuration(proxyBeanMethods = false)
@DemoDataEnabled
@PropertySource(value = "classpath:gridwatch/demo.properties", encoding = "UTF-8")
class DemoSettings {}
