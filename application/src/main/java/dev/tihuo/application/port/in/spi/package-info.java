/** Primary ports for the SPIs and webhooks Douyin calls (spi.md §5-6). */
@PrimaryPort
package dev.tihuo.application.port.in.spi;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
