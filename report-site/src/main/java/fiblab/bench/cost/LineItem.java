package fiblab.bench.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One billed thing a path does, per million requests (or jobs).
 *
 * @param service         Lambda, API Gateway, SQS or DynamoDB
 * @param item            what it is, e.g. {@code POST /jobs: PutItem (1 WRU per 1 KB)}
 * @param unitsPerMillion billed units for a million requests of the path
 * @param priceKey        the price in the price file
 */
public record LineItem(String service, String item, double unitsPerMillion, String priceKey, PriceList.Price price) {

    public double costPerMillion() {
        return price.costOf(unitsPerMillion);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service", service);
        map.put("item", item);
        map.put("unitsPerMillion", round(unitsPerMillion, 3));
        map.put("unit", price.unit());
        map.put("priceKey", priceKey);
        map.put("unitPriceUsd", price.usd());
        map.put("unitPricePer", price.per());
        map.put("costPerMillionUsd", round(costPerMillion(), 6));
        return map;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
