package fiblab.local.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** One entry of the template's {@code Parameters}, with the constraints CloudFormation checks. */
public record ParameterDefinition(
        String name,
        String type,
        Optional<String> defaultValue,
        Optional<BigDecimal> minValue,
        Optional<BigDecimal> maxValue,
        List<String> allowedValues) {

    /** Checks a value as CloudFormation would at deploy time; the message names the allowed range. */
    public String validate(String value) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            throw new TemplateException("parameter " + name + "=" + value + " is not one of " + allowedValues);
        }
        if (type.equals("Number")) {
            BigDecimal number;
            try {
                number = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new TemplateException("parameter " + name + "=" + value + " is not a number");
            }
            if (minValue.isPresent() && number.compareTo(minValue.get()) < 0
                    || maxValue.isPresent() && number.compareTo(maxValue.get()) > 0) {
                throw new TemplateException("parameter " + name + "=" + value + " is outside "
                        + minValue.map(BigDecimal::toPlainString).orElse("-inf") + ".."
                        + maxValue.map(BigDecimal::toPlainString).orElse("inf"));
            }
        }
        return value;
    }
}
