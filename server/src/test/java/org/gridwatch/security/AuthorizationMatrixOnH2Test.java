package org.gridwatch.security;

import org.gridwatch.support.OnH2;

@OnH2
class AuthorizationMatrixOnH2Test extends AuthorizationMatrixContract {}
