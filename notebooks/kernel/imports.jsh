// The Java kernel runs this before the first cell (RJK_INIT_SCRIPT). Kernel 3.0.1 accepts only imports
// here (a class declared here breaks every later cell), so the display helpers are in show.jsh,
// which each notebook loads in its first cell with %load kernel/show.jsh.
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.partita.symbolic.*;
import org.partita.symbolic.roll.*;
import org.partita.midi.*;
import org.partita.midi.audio.*;
import org.partita.midi.render.*;
import org.partita.tokenizers.*;
import org.partita.tokenizers.remi.*;
import org.partita.cli.pipeline.*;
import org.partita.training.*;
import org.partita.training.baseline.*;
import org.partita.evaluation.*;
import org.partita.evaluation.memorisation.*;
