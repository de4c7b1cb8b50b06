package org.gridwatch.incident;

import org.gridwatch.support.OnH2;
import org.springframework.test.context.TestPropertySource;

/** Its own in-memory database: the setting makes a context of its own. */
@OnH2
@TestPropertySource(properties = {"gridwatch.incidents.separate-verifier=true",
    "spring.datasource.url=jdbc:h2:mem:gridwatch-verifier;DB_CLOSE_DELAY=-1", "gridwatch.demo-data.incidents=0"})
class SeparateVerifierOnH2Test extends SeparateVerifierContract {}
