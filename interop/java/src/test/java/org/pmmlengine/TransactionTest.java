package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Collections cross the binding: a basket for association rules, a sequence of transactions for sequence rules. */
class TransactionTest {
    private static Evaluator load(String model) throws Exception {
        String document = "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header/><DataDictionary>"
                + "<DataField name=\"item\" optype=\"categorical\" dataType=\"string\"/></DataDictionary>" + model + "</PMML>";
        return new EvaluatorBuilder().load(document.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static final String ITEMS = "<Item id=\"1\" value=\"Beer\"/><Item id=\"2\" value=\"Diapers\"/><Item id=\"3\" value=\"Chips\"/>";

    @Test
    void aBasketIsAJavaCollection() throws Exception {
        try (Evaluator evaluator = load("<AssociationModel functionName=\"associationRules\"><MiningSchema><MiningField name=\"item\"/></MiningSchema>"
                + "<Output><OutputField name=\"next\" feature=\"ruleValue\" ruleFeature=\"consequent\"/></Output>" + ITEMS
                + "<Itemset id=\"b\"><ItemRef itemRef=\"1\"/></Itemset><Itemset id=\"d\"><ItemRef itemRef=\"2\"/></Itemset>"
                + "<Itemset id=\"bd\"><ItemRef itemRef=\"1\"/><ItemRef itemRef=\"2\"/></Itemset><Itemset id=\"c\"><ItemRef itemRef=\"3\"/></Itemset>"
                + "<AssociationRule antecedent=\"b\" consequent=\"d\" support=\"0.3\" confidence=\"0.8\"/>"
                + "<AssociationRule antecedent=\"bd\" consequent=\"c\" support=\"0.1\" confidence=\"0.5\"/></AssociationModel>")) {
            assertEquals(MiningFunction.ASSOCIATION_RULES, evaluator.getMiningFunction());
            assertEquals(List.of("Chips"), evaluator.evaluate(Map.of("item", List.of("Beer", "Diapers"))).get("next"));
            assertEquals(List.of("Diapers"), evaluator.evaluate(Map.of("item", new String[] {"Beer"})).get("next"));
        }
    }

    @Test
    void aSequenceIsACollectionOfTransactions() throws Exception {
        try (Evaluator evaluator = load("<SequenceModel functionName=\"sequences\"><MiningSchema><MiningField name=\"item\"/></MiningSchema>"
                + "<Output><OutputField name=\"next\" feature=\"ruleValue\" ruleFeature=\"consequent\"/></Output>" + ITEMS
                + "<Itemset id=\"sB\"><ItemRef itemRef=\"1\"/></Itemset><Itemset id=\"sD\"><ItemRef itemRef=\"2\"/></Itemset>"
                + "<Itemset id=\"sC\"><ItemRef itemRef=\"3\"/></Itemset>"
                + "<Sequence id=\"qBD\"><SetReference setId=\"sB\"/><Delimiter delimiter=\"acrossTimeWindows\" gap=\"unknown\"/><SetReference setId=\"sD\"/></Sequence>"
                + "<Sequence id=\"qC\"><SetReference setId=\"sC\"/></Sequence>"
                + "<SequenceRule id=\"r\" support=\"0.2\" confidence=\"0.7\"><AntecedentSequence><SequenceReference seqId=\"qBD\"/></AntecedentSequence>"
                + "<Delimiter delimiter=\"acrossTimeWindows\" gap=\"unknown\"/><ConsequentSequence><SequenceReference seqId=\"qC\"/></ConsequentSequence>"
                + "</SequenceRule></SequenceModel>")) {
            // Beer then Diapers in a later transaction: the rule applies; both in one transaction: it does not.
            assertEquals(List.of("Chips"), evaluator.evaluate(Map.of("item", List.of(List.of("Beer"), List.of("Diapers")))).get("next"));
            assertEquals(null, evaluator.evaluate(Map.of("item", List.of(List.of("Beer", "Diapers")))).get("next"));
        }
    }
}
