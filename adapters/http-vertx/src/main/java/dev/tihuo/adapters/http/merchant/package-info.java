/** Primary adapter: the merchant API (JSON over /api/v1) for store clerks and operators, on the internal listener. */
@PrimaryAdapter
package dev.tihuo.adapters.http.merchant;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
