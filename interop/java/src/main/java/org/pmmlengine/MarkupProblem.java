package org.pmmlengine;

/** A place in a PMML document and what is wrong there: 1-based line and column, the element path, the message. */
public record MarkupProblem(int line, int column, String elementPath, String message) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column + " (" + elementPath + "): " + message;
    }
}
