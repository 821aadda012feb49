package org.corridor.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row of the convoy board with whether its figures rest on signed observations alone.
 *
 * @param signed true when counting only the operation's signed observations gives this convoy the same movement,
 *     status, departure and arrival counts, people detained and dispute flag: every figure the board shows but where
 *     and when it was last seen (an unsigned passage at a checkpoint moves those and nothing else). A convoy with no
 *     signed observation, or whose figures an unsigned observation changes, is not signed.
 */
public record ConvoyRow(ConvoyView convoy, boolean signed) {

    /** The rows of {@code board}, each marked by comparison with the board of the signed observations alone. */
    public static List<ConvoyRow> mark(List<ConvoyView> board, List<ConvoyView> signedBoard) {
        Map<String, ConvoyView> signedById = new HashMap<>();
        signedBoard.forEach(convoy -> signedById.put(convoy.id(), convoy));
        List<ConvoyRow> rows = new ArrayList<>(board.size());
        for (ConvoyView convoy : board) {
            rows.add(new ConvoyRow(convoy, sameFigures(convoy, signedById.get(convoy.id()))));
        }
        return rows;
    }

    private static boolean sameFigures(ConvoyView convoy, ConvoyView signed) {
        return signed != null
                && Objects.equals(convoy.movement(), signed.movement())
                && convoy.status().equals(signed.status())
                && Objects.equals(convoy.departed(), signed.departed())
                && Objects.equals(convoy.arrived(), signed.arrived())
                && convoy.detained() == signed.detained()
                && convoy.disputed() == signed.disputed();
    }
}
