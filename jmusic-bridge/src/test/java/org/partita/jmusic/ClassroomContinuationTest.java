package org.partita.jmusic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jm.music.data.Part;
import jm.music.data.Phrase;
import org.junit.jupiter.api.Test;
import org.partita.cli.PartitaCommand;
import org.partita.cli.pipeline.GenerateConfig;
import org.partita.cli.pipeline.GenerationResult;
import org.partita.cli.pipeline.ModelRun;
import org.partita.cli.pipeline.PieceGeneration;
import org.partita.cli.pipeline.Prompt;
import org.partita.symbolic.Score;
import org.partita.training.GenerationConfig;

/**
 * The classroom round: a melody written with jMusic, continued by a (tiny) Partita model, and back in jMusic to
 * keep working on it there.
 */
class ClassroomContinuationTest {

    @Test
    void aJMusicMelodyIsContinuedByAPartitaModelAndComesBackAsJMusic() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "classroom"));
        Path demo = Files.createTempDirectory(base, "demo-");
        int exit = PartitaCommand.newCommandLine().execute("demo", "--quick", "--threads", "1", "--no-wav",
                "--out", demo.toString());
        assertEquals(0, exit, "partita demo --quick");

        // the student's melody: two bars of 4/4 on a flute
        Phrase melody = new Phrase(0.0);
        melody.addNoteList(new int[] {67, 69, 71, 72, 74, 72, 71, 69}, new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        jm.music.data.Score student = new jm.music.data.Score(new Part("Flute", 73, 0, melody), "Student", 110);
        student.setTimeSignature(4, 4);

        Score sketch = JMusicScores.toPartita(student, 480).score();
        ModelRun run = ModelRun.open(demo.resolve("run"));
        Prompt prompt = Prompt.of(sketch, 2, run.tokenizer(), "the jMusic melody");
        GenerateConfig config = GenerateConfig.defaults(demo.resolve("run"), demo.resolve("classroom")).withMaxBars(4)
                .withSampling(GenerationConfig.defaults().withMaxNewTokens(200).withSeed(11).withSamples(1)
                        .withTopK(20));
        GenerationResult result = PieceGeneration.run(config, run, prompt);
        Score continued = result.pieces().get(0).score();

        Converted<jm.music.data.Score> back = JMusicScores.toJMusic(continued);
        List<JMusicScoresTest.Heard> heard = JMusicScoresTest.heard(back.score());
        List<JMusicScoresTest.Heard> opening = heard.stream().filter(h -> h.instrument() == 73 && h.startBeat() < 8)
                .toList();
        assertTrue(opening.stream().map(h -> h.startBeat() + ":" + h.pitch()).toList().containsAll(List.of(
                "0.0:67", "1.0:69", "2.0:71", "3.0:72", "4.0:74", "5.0:72", "6.0:71", "7.0:69")),
                "the student's melody opens the piece: " + opening);
        assertTrue(heard.stream().anyMatch(h -> h.startBeat() >= 8), "the model continued past bar 2: " + heard);
        assertTrue(back.score().getEndTime() > 8.0, "end " + back.score().getEndTime());
    }
}
