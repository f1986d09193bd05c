package org.onegrid.integration.cascade;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CascadeSettings.class)
class CascadeConfiguration {}
