package io.scrapestream.allocator.kubernetes;

import java.util.Optional;

/**
 * The related objects a group builder may read, already filtered by the discoverer's namespaces and
 * selectors: a pod that a pod selector excludes is simply not found.
 */
interface Lookup {

  Optional<PodSnapshot> pod(String key);

  Optional<ServiceSnapshot> service(String key);

  Optional<NodeSnapshot> node(String name);

  Optional<Meta> namespace(String name);
}
