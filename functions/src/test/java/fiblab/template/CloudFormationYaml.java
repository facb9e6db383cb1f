package fiblab.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a SAM template, turning short-form tags (!Ref, !GetAtt, !Sub …) into their long form. */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new TagConstructor()).load(reader);
        }
    }

    private static final class TagConstructor extends SafeConstructor {

        TagConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = tag.equals("GetAtt") ? java.util.List.of(constructScalar(scalar).split("\\.", 2))
                                : constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
