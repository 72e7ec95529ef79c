/** Outgoing adapter to Douyin's OpenAPI (open.douyin.com): wire client, client token, outbox delivery. */
@SecondaryAdapter
package dev.tihuo.adapters.douyin.openapi;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
