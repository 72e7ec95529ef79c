/** Outbox delivery worker: claims due messages and delivers them to Douyin with back-off, parking, deadline watch. */
@SecondaryAdapter
package dev.tihuo.adapters.douyin.openapi.outbox;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
