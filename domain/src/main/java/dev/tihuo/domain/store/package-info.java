/** The merchant's stores: our own store id and the Douyin POI (门店) it is linked to. */
package dev.tihuo.domain.store;
