package org.partita.midi.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PianoRollSvgTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgIsWellFormedWithTheLayoutsSize() throws Exception {
        PianoRoll roll = PianoRoll.from(RenderScores.band(4));
        Document doc = parse(PianoRollSvg.toSvg(roll, RenderOptions.defaults()));
        Element svg = doc.getDocumentElement();
        RollLayout layout = new RollLayout(roll, RenderOptions.defaults());
        assertEquals("svg", svg.getLocalName());
        assertEquals(Integer.toString(layout.width), svg.getAttribute("width"));
        assertEquals(Integer.toString(layout.height), svg.getAttribute("height"));
    }

    @Test
    void everyNoteIsOneOpacityFilledRect() throws Exception {
        Score score = RenderScores.band(4);
        PianoRoll roll = PianoRoll.from(score);
        NodeList rects = parse(PianoRollSvg.toSvg(roll, RenderOptions.defaults())).getElementsByTagName("rect");
        int noteFills = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.hasAttribute("fill-opacity")) {
                noteFills++;
            }
        }
        assertEquals(roll.noteCount(), noteFills);
        assertEquals(score.noteCount(), roll.noteCount());
    }

    @Test
    void trackNamesAreEscapedAndShownWithTheirProgram() throws Exception {
        String svg = PianoRollSvg.toSvg(PianoRoll.from(RenderScores.band(1)), RenderOptions.defaults());
        assertTrue(svg.contains("Strings &lt;&amp;&gt; · String Ensemble 1 (48)"), "escaped legend");
        assertTrue(svg.contains(">C4</text>"), "pitch axis names C4");
        parse(svg);
    }

    @Test
    void controlCharactersInNamesAreReplaced() {
        assertEquals("a\uFFFDb", SvgCanvas.escape("a\u0001b"));
    }
}
