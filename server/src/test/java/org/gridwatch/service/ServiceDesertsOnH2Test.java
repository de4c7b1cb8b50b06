package org.gridwatch.service;

import org.gridwatch.support.OnH2;

@OnH2
class ServiceDesertsOnH2Test extends ServiceDesertsContract {}
