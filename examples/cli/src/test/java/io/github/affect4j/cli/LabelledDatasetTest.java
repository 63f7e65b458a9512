package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading labelled datasets: no detector involved, files need not be media. */
class LabelledDatasetTest {

    @TempDir
    Path temp;

    @Test
    void folderLabelsMapThroughSynonymsAtAnyDepthAndHiddenNamesAreIgnored() throws Exception {
        touch("Happy/a.jpg", "Happy/subject-2/b.jpg", "calm/c.wav", "fearful/d.png",
                "boredom/e.wav", "boredom/f.wav", "happy/.thumbs/x.jpg", "happy/.DS_Store",
                ".git/config", "notes.txt");

        LabelledDataset dataset = LabelledDataset.fromFolder(temp);

        assertEquals(List.of("Happy/a.jpg", "Happy/subject-2/b.jpg", "calm/c.wav",
                "fearful/d.png"), dataset.samples().stream()
                .map(s -> temp.relativize(s.file()).toString().replace('\\', '/')).toList());
        assertEquals(List.of(Emotion.HAPPINESS, Emotion.HAPPINESS, Emotion.NEUTRAL, Emotion.FEAR),
                dataset.samples().stream().map(LabelledDataset.Sample::truth).toList());
        assertEquals(Map.of("boredom", 2), dataset.unmappedLabels());
        assertEquals(1, dataset.unlabelled(), "notes.txt");
        assertEquals(3, dataset.skipped());
    }

    @Test
    void missingFolderOrFileInsteadOfFolderIsInvalid() throws IOException {
        var e = assertThrows(LabelledDataset.InvalidDatasetException.class,
                () -> LabelledDataset.fromFolder(temp.resolve("nope")));
        assertTrue(e.getMessage().endsWith(": no such folder"), e.getMessage());
        Path file = Files.createFile(temp.resolve("file"));
        e = assertThrows(LabelledDataset.InvalidDatasetException.class,
                () -> LabelledDataset.fromFolder(file));
        assertTrue(e.getMessage().endsWith(": not a folder"), e.getMessage());
    }

    @Test
    void csvHeaderCommentsQuotesBomAndRelativePaths() throws Exception {
        Path lists = Files.createDirectories(temp.resolve("lists"));
        Path csv = Files.writeString(lists.resolve("set.csv"), "\uFEFFPath , Label\r\n"
                + "# comment\n"
                + "\n"
                + "../img/a.jpg, angry \n"
                + "\"../img/b, \"\"quoted\"\".jpg\",SAD\n"
                + temp.resolve("c.jpg").toAbsolutePath() + ",surprised\n"
                + "d.jpg,boredom\n"
                + "e.jpg,\n");

        LabelledDataset dataset = LabelledDataset.fromCsv(csv);

        assertEquals(List.of(lists.resolve("../img/a.jpg").toAbsolutePath(),
                lists.resolve("../img/b, \"quoted\".jpg").toAbsolutePath(),
                temp.resolve("c.jpg").toAbsolutePath()),
                dataset.samples().stream().map(s -> s.file().toAbsolutePath()).toList());
        assertEquals(List.of("../img/a.jpg", "../img/b, \"quoted\".jpg", temp.resolve("c.jpg")
                .toAbsolutePath().toString()),
                dataset.samples().stream().map(LabelledDataset.Sample::name).toList());
        assertEquals(List.of(Emotion.ANGER, Emotion.SADNESS, Emotion.SURPRISE),
                dataset.samples().stream().map(LabelledDataset.Sample::truth).toList());
        assertEquals(Map.of("boredom", 1), dataset.unmappedLabels());
        assertEquals(1, dataset.unlabelled());
    }

    @Test
    void malformedCsvRowsNameTheLine() throws IOException {
        for (String bad : List.of("a.jpg", "a.jpg,happy,1", "\"a.jpg,happy", ",happy")) {
            Path csv = Files.writeString(temp.resolve("bad.csv"), "ok.jpg,happy\n" + bad + "\n");
            var e = assertThrows(LabelledDataset.InvalidDatasetException.class,
                    () -> LabelledDataset.fromCsv(csv), bad);
            assertTrue(e.getMessage().contains("bad.csv:2: expected a row path,label"),
                    e.getMessage());
        }
        var e = assertThrows(LabelledDataset.InvalidDatasetException.class,
                () -> LabelledDataset.fromCsv(temp.resolve("none.csv")));
        assertTrue(e.getMessage().endsWith("none.csv: no such file"), e.getMessage());
    }

    @Test
    void aPathTheFileSystemCannotNameIsAMalformedRowNotACrash() throws IOException {
        // Found by LabelledDatasetFuzzTest: Path.of threw InvalidPathException out of evaluate.
        Path csv = Files.writeString(temp.resolve("nul.csv"), "ok.jpg,happy\na\0b.jpg,anger\n");
        var e = assertThrows(LabelledDataset.InvalidDatasetException.class,
                () -> LabelledDataset.fromCsv(csv));
        assertTrue(e.getMessage().contains("nul.csv:2: not a valid path"), e.getMessage());
    }

    private void touch(String... paths) throws IOException {
        for (String path : paths) {
            Path file = temp.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, path);
        }
    }
}
