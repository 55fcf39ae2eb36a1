/**
 * {@code sim}: the in-process simulated output stage and its patient/electrode load, deterministic in
 * simulated time.
 */
package org.galvani.drivers.sim;
