/** Primary adapter: the counter page (/counter) a clerk uses to look up, redeem and cancel pickup codes. */
@PrimaryAdapter
package dev.tihuo.adapters.http.counter;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
