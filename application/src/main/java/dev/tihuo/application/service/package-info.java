/** The use cases: each service implements primary ports and talks to the world only through secondary ports. */
@Application
package dev.tihuo.application.service;

import org.jmolecules.architecture.hexagonal.Application;
