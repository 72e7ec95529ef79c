/**
 * Outgoing adapter to Douyin's OpenAPI (open.douyin.com): {@link dev.tihuo.adapters.douyin.openapi.DouyinOpenApiPlatform}
 * implements the application's {@code DouyinPlatform} port on the wire client and the shared client token.
 */
@SecondaryAdapter
package dev.tihuo.adapters.douyin.openapi;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
