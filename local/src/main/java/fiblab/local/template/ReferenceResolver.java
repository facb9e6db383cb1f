package fiblab.local.template;

/** Answers {@code Ref} and {@code Fn::GetAtt} for one stack: parameters, pseudo parameters, resources. */
public interface ReferenceResolver {

    /** The value of {@code !Ref name}. */
    String ref(String name);

    /** The value of {@code !GetAtt logicalId.attribute}. */
    String getAtt(String logicalId, String attribute);
}
