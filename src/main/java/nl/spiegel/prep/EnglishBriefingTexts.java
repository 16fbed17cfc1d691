package nl.spiegel.prep;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The participants' briefing in English. */
@Localized("en")
public interface EnglishBriefingTexts extends BriefingTexts {

    @Override
    @Message("Information for participants")
    String title();

    @Override
    @Message("What is a mirror meeting?")
    String aboutHeading();

    @Override
    @Message("Why are you invited?")
    String whyYouHeading();

    @Override
    @Message("Who will be there?")
    String whoHeading();

    @Override
    @Message("Who leads the conversation?")
    String moderatorHeading();

    @Override
    @Message("Agreements for the conversation")
    String rulesHeading();

    @Override
    @Message("Your privacy")
    String privacyHeading();

    @Override
    @Message("Practical matters")
    String practicalHeading();

    @Override
    @Message("A mirror meeting is a conversation with a small group of clients, like you. You tell about your experiences "
            + "with {organisation}: what goes well and what could be better. Staff of {organisation} listen, but do not take "
            + "part. This way they hear what you need, and can do their work better.")
    String about(String organisation);

    @Override
    @Message("You are invited because you have experience with {organisation} yourself{#if targetGroup}, as {targetGroup}{/if}. "
            + "Your experience counts: in this conversation, you are the expert.{#if goal}\n\nThe goal of the conversation: {goal}{/if}")
    String whyYou(String organisation, String targetGroup, String goal);

    @Override
    @Message("{participants} participants take part. You sit together in a half circle. Around the circle sit staff of "
            + "{organisation}. They only listen. At the end they may ask a few questions, only to understand something "
            + "better.")
    String who(String organisation, String participants);

    @Override
    @Message("An independent moderator leads the conversation. The moderator does not work for {organisation} and takes "
            + "no sides. They make sure everyone gets to speak and that the conversation is safe.")
    String moderator(String organisation);

    @Override
    @Message("In the conversation we only use your first name, or another name you choose. The report names no one. We do "
            + "not ask for an address, e-mail address or phone number, and we do not keep them. What you tell stays in the "
            + "group. You may always cancel or stop, without saying why.")
    String privacy();

    @Override
    @Message("When: {when}. The conversation takes about {minutes} minutes.\nWhere: {place}.{#if online}\n"
            + "Some staff listen in through a video call. You do not need to do anything for that.{/if}\n"
            + "As thanks for your time you receive a small gift.")
    String practical(String when, int minutes, String place, boolean online);


    @Override
    @Message("the organisation")
    String someOrganisation();

    @Override
    @Message("8 to 12")
    String someParticipants();

    @Override
    @Message("the date is still to follow")
    String dateUnknown();

    @Override
    @Message("the place is still to follow")
    String placeUnknown();

    @Override
    @Message("at")
    String at();
}
