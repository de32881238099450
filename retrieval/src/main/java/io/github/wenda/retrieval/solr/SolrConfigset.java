package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.WendaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Wenda's configset ({@code config/solr/wenda/conf}) made fit for one embedding model and uploaded
 * through the Configsets API, which works whether Wenda reaches the cluster by ZooKeeper or by URL.
 */
final class SolrConfigset {
  static final String SCHEMA = "managed-schema.xml";
  private static final String DIMENSION = "vectorDimension=\"512\"";

  private SolrConfigset() {}

  /**
   * Bump when the schema gains a field, so a cluster holding the older configset gets the new one
   * for collections made from now on. 2: {@code page}.
   */
  static final int SCHEMA_VERSION = 2;

  /**
   * The configset's name in the cluster: one per vector dimension and schema version, so models
   * never share a schema and a new field never meets an old configset.
   */
  static String name(int dimension) {
    return "wenda-" + dimension + "-v" + SCHEMA_VERSION;
  }

  /**
   * Uploads the configset for {@code dimension} unless the cluster already has it; returns its
   * name.
   */
  static String ensure(SolrClient client, Path conf, int dimension)
      throws IOException, SolrServerException {
    String name = name(dimension);
    List<String> existing = new ConfigSetAdminRequest.List().process(client).getConfigSets();
    if (existing.contains(name)) {
      return name;
    }
    ContentStreamBase.ByteArrayStream zip =
        new ContentStreamBase.ByteArrayStream(zip(conf, dimension), name + ".zip");
    zip.setContentType("application/octet-stream");
    new ConfigSetAdminRequest.Upload().setConfigSetName(name).setUploadStream(zip).process(client);
    return name;
  }

  /** The folder zipped with the schema's vector dimension set to {@code dimension}. */
  static byte[] zip(Path conf, int dimension) throws IOException {
    Path schema = conf.resolve(SCHEMA);
    if (!Files.isRegularFile(schema)) {
      throw new WendaException(
          "the Solr configset at " + conf.toAbsolutePath() + " has no " + SCHEMA);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(conf)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        if (f.equals(schema)) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          if (!text.contains(DIMENSION)) {
            throw new WendaException(
                schema.toAbsolutePath()
                    + " must declare "
                    + DIMENSION
                    + " (Wenda sets the model's dimension when it uploads it)");
          }
          bytes =
              text.replace(DIMENSION, "vectorDimension=\"" + dimension + "\"")
                  .getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(conf.relativize(f).toString().replace('\\', '/')));
        z.write(bytes);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
