package org.corridor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.corridor.claims.Gazetteer;
import org.corridor.claims.Place;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --gazetteer}: more place names for reading claims, from COD-style tables the user supplies. */
final class GazetteerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--gazetteer",
            paramLabel = "FILE|DIR",
            split = ",",
            defaultValue = "${env:CORRIDOR_GAZETTEER}",
            description = "More place names (env CORRIDOR_GAZETTEER): OCHA COD-style CSV tables (ADM1_EN,"
                    + " ADM1_AR, ADM1_PCODE…), JSON arrays of places, or folders of them; several are separated by"
                    + " commas.")
    List<Path> gazetteers;

    /** Every place of every table named, in the order given (a folder's tables in name order). */
    List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (Path gazetteer : gazetteers == null ? List.<Path>of() : gazetteers) {
            for (Path table : tables(gazetteer)) {
                places.addAll(read(table));
            }
        }
        return places;
    }

    /** A file, or the CSV and JSON files of a folder in name order. */
    private List<Path> tables(Path gazetteer) {
        if (!Files.isDirectory(gazetteer)) {
            if (!Files.isReadable(gazetteer)) {
                throw new ParameterException(spec.commandLine(), "--gazetteer: cannot read " + gazetteer);
            }
            return List.of(gazetteer);
        }
        try (Stream<Path> files = Files.list(gazetteer)) {
            return files.filter(path -> isTable(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--gazetteer: cannot read the folder " + gazetteer);
        }
    }

    private static boolean isTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".json");
    }

    private static List<Place> read(Path table) {
        String name = table.getFileName().toString();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                try (Reader csv = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
                    return Gazetteer.readCsv(csv, name);
                }
            }
            try (InputStream json = Files.newInputStream(table)) {
                return Gazetteer.readJson(json, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
