package fiblab.bench.cost;

import fiblab.bench.result.Cost;

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

    /** This line as results.json records it. */
    public Cost.Line record() {
        return new Cost.Line(
                service,
                item,
                round(unitsPerMillion, 3),
                price.unit(),
                priceKey,
                price.usd(),
                price.per(),
                round(costPerMillion(), 6));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
