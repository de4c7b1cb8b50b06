package org.gridwatch.problem;

import org.gridwatch.support.OnH2;
import org.springframework.test.context.TestPropertySource;

/** On an in-memory H2GIS database of its own: what the walker's accepted writes change stays there. */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-walker;DB_CLOSE_DELAY=-1")
class RequestPipelineOnH2Test extends RequestPipelineContract {}
