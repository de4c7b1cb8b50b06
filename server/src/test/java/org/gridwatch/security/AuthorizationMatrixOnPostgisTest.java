package org.gridwatch.security;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class AuthorizationMatrixOnPostgisTest extends AuthorizationMatrixContract {}
