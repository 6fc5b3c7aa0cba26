// One OpenSearch node on loopback for development and CI, run as `java -cp <classpath> OpenSearchNode.java
// <home> <http port>` (services/up.sh does this). The runner embeds the node without OpenSearch's launcher,
// which refuses to run as root; we only pin the port (the runner would silently take the next free one),
// keep it on loopback and report a failed start instead of swallowing it.
import org.codelibs.opensearch.runner.OpenSearchRunner;

public class OpenSearchNode {
    public static void main(String[] args) throws Exception {
        String home = args[0];
        int port = Integer.parseInt(args[1]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // use exactly baseHttpPort + 1
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            settings.put("action.auto_create_index", "false"); // a typo in an index name fails instead of creating one
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(home)
                    .numOfNode(1)
                    .baseHttpPort(port - 1)
                    .clusterName("dossier")
                    .moduleTypes(String.join(",",
                            "org.opensearch.analysis.common.CommonAnalysisPlugin", // cjk_width, cjk_bigram
                            "org.opensearch.transport.Netty4Plugin", // HTTP
                            "org.opensearch.index.reindex.ReindexPlugin", // _delete_by_query
                            "org.opensearch.index.mapper.MapperExtrasPlugin"))
                    .printOnFailure());
            runner.ensureYellow();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("OpenSearch node ready on http://127.0.0.1:" + port);
        Thread.currentThread().join(); // until SIGTERM; the hook closes the node
    }
}
