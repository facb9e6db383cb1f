package fiblab.local.aws;

import fiblab.local.template.ReferenceResolver;
import fiblab.local.template.SamTemplate;
import fiblab.local.template.TemplateException;
import java.util.Map;

/**
 * The physical names, URLs and ARNs of what was created, answering {@code !Ref} and
 * {@code !GetAtt} as CloudFormation would after deploying the template.
 */
public final class ProvisionedResources implements ReferenceResolver {

    private final SamTemplate template;
    private final String region;
    private final String accountId;
    private final Map<String, String> refs;
    private final Map<String, Map<String, String>> attributes;

    public ProvisionedResources(
            SamTemplate template,
            String region,
            String accountId,
            Map<String, String> refs,
            Map<String, Map<String, String>> attributes) {
        this.template = template;
        this.region = region;
        this.accountId = accountId;
        this.refs = Map.copyOf(refs);
        this.attributes = Map.copyOf(attributes);
    }

    public String region() {
        return region;
    }

    @Override
    public String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return accountId;
            case "AWS::StackName":
                return "fiblab-local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (template.parameters().containsKey(name)) {
            return template.parameters().get(name);
        }
        if (refs.containsKey(name)) {
            return refs.get(name);
        }
        throw new TemplateException("!Ref " + name + ": no such parameter or emulated resource");
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        String value = attributes.getOrDefault(logicalId, Map.of()).get(attribute);
        if (value == null) {
            throw new TemplateException("!GetAtt " + logicalId + "." + attribute + " is not available locally");
        }
        return value;
    }
}
