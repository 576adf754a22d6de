// Display helpers for the classroom notebooks, loaded by each notebook's first cell
// (%load kernel/show.jsh). Public Partita API only; read it if you are curious how a picture or a
// sound gets into the page.
import org.rapaio.jupyter.kernel.global.Global;

/** Pictures, sound, download links and tables in the notebook page. */
class Show {
    /** Where the notebooks write their files (MIDI, WAV, PNG, NPZ): out/ beside them, made on first use. */
    static Path outDir() throws Exception {
        return Files.createDirectories(Path.of("out"));
    }

    /** Shows a score as a piano-roll picture (tracks in colours, bar lines). */
    static void roll(Score score, String title) {
        Global.display(PianoRollPng.toImage(PianoRoll.from(score), RenderOptions.defaults().withTitle(title)));
    }

    /** Shows a picture. (A bare display(image) would also print the display's random id as the cell's result.) */
    static void image(java.awt.image.BufferedImage image) {
        Global.display(image);
    }

    /** Shows a PNG (or JPEG) file. */
    static void image(Path file) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        if (image == null) throw new java.io.IOException(file + ": not an image ImageIO can read");
        Global.display(image);
    }

    /** An audio player for the first maxSeconds of a score (the WAV is embedded in the page; 11 kHz keeps it small). */
    static void listen(Score score, double maxSeconds) throws Exception {
        Score part = score;
        if (score.durationSeconds() > maxSeconds) {
            part = score.clipped(0, Math.round(score.timeGrid().secondsToTick(maxSeconds)));
        }
        byte[] wav = WavRenderer.toWav(part, AudioOptions.defaults().withSampleRateHz(11_025).withTailSeconds(1.0));
        Global.display("text/html", "<audio controls src=\"data:audio/wav;base64,"
                + Base64.getEncoder().encodeToString(wav) + "\"></audio>");
    }

    /** Writes a score to out/fileName and shows a link that downloads the MIDI file. */
    static void midiLink(Score score, String fileName) throws Exception {
        Path path = outDir().resolve(fileName);
        MidiWriter.write(score, path, score.ticksPerQuarter());
        byte[] midi = Files.readAllBytes(path);
        Global.display("text/html", "<a download=\"" + fileName + "\" href=\"data:audio/midi;base64,"
                + Base64.getEncoder().encodeToString(midi) + "\">download " + fileName + "</a> ("
                + midi.length + " bytes, also written to notebooks/" + path + ")");
    }

    /** Shows rows as an HTML table; the first row is the header. */
    static void table(List<? extends List<?>> rows) {
        StringBuilder html = new StringBuilder("<table>");
        for (int r = 0; r < rows.size(); r++) {
            String tag = r == 0 ? "th" : "td";
            html.append("<tr>");
            for (Object cell : rows.get(r)) {
                String text = String.valueOf(cell).replace("&", "&amp;").replace("<", "&lt;");
                html.append('<').append(tag).append('>').append(text).append("</").append(tag).append('>');
            }
            html.append("</tr>");
        }
        Global.display("text/html", html.append("</table>").toString());
    }

    /** What a check cell prints: "correct", or what is wrong. */
    static void verdict(boolean ok, String whatIsWrong) {
        System.out.println(ok ? "correct" : "not yet: " + whatIsWrong);
    }
}
