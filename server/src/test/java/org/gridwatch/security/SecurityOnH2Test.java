package org.gridwatch.security;

import org.gridwatch.support.OnH2;

@OnH2
class SecurityOnH2Test extends SecurityContract {}
