/** Jackson wire records of Douyin's OpenAPI calls (openapi.md §3–§7); snake_case unless a field says otherwise. */
@SecondaryAdapter
package dev.tihuo.adapters.douyin.openapi.dto;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
