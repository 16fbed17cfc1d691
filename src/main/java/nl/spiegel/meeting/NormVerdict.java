package nl.spiegel.meeting;

/** What the participants of a meeting said of a service norm. */
public enum NormVerdict {
    MET, NOT_MET, UNCLEAR
}
