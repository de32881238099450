/** Files and folders only the current user may read (index, manifest, lock, embedding cache). */
package io.github.wenda.retrieval.files;
