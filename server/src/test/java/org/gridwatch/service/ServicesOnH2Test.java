package org.gridwatch.service;

import org.gridwatch.support.OnH2;

@OnH2
class ServicesOnH2Test extends ServicesContract {}
