package org.gridwatch.incident;

import org.gridwatch.support.OnH2;

@OnH2
class CategoryAdminOnH2Test extends CategoryAdminContract {}
