package dev.sleet.kit.generate;

import dev.sleet.kit.diff.PossibleRename;

/**
 * Asks a person whether a dropped and an added table or column are one object renamed. {@code sleet generate}
 * asks on a terminal; tests and tools answer in code. A yes makes generation rename the object, as if the
 * schema declared {@code renamedFrom(...)}; a no leaves a drop and an add, which needs {@code allowDrops}.
 *
 * <pre>{@code
 * RenamePrompt prompt = candidate -> console.readLine(RenamePrompt.question(candidate) + " [y/N] ")
 *         .strip().equalsIgnoreCase("y");
 * Generator.generate(schema, folder, "rename_name", false, Clock.systemUTC(), prompt);
 * }</pre>
 */
@FunctionalInterface
public interface RenamePrompt {

    /**
     * Asks about one candidate.
     *
     * @param candidate the dropped and the added object
     * @return {@code true} when the added object is the dropped one renamed
     */
    boolean isRename(PossibleRename candidate);

    /**
     * The question to ask about a candidate, e.g. {@code Was column users.full_name renamed from users.name?}.
     *
     * @param candidate the dropped and the added object
     * @return the question, without the answer choices
     */
    static String question(PossibleRename candidate) {
        if (candidate.kind() == PossibleRename.Kind.TABLE) {
            return "Was table " + candidate.table() + " renamed from " + candidate.table().withName(candidate.oldName())
                    + "?";
        }
        return "Was column " + candidate.table() + "." + candidate.newName() + " renamed from " + candidate.table()
                + "." + candidate.oldName() + "?";
    }

    /**
     * What to add to the schema so that generating again gives the rename a person confirmed, e.g.
     * {@code column users.full_name: add .renamedFrom("name") to its declaration}.
     *
     * @param candidate a confirmed rename
     * @return the advice
     */
    static String hintToAdd(PossibleRename candidate) {
        if (candidate.kind() == PossibleRename.Kind.TABLE) {
            return "table " + candidate.table() + ": add renamedFrom(\"" + candidate.oldName()
                    + "\") to its constructor";
        }
        return "column " + candidate.table() + "." + candidate.newName() + ": add .renamedFrom(\""
                + candidate.oldName() + "\") to its declaration";
    }
}
