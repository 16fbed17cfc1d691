package nl.spiegel.words;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** What the server says to people, in English. */
@Localized("en")
public interface EnglishTexts extends Texts {

    @Override
    @Message("There is no such meeting.")
    String notFound();

    @Override
    @Message("This meeting exists already.")
    String alreadyExists();

    @Override
    @Message("Your role may not do this.")
    String forbidden();

    @Override
    @Message("This value is not valid.")
    String invalid();

    @Override
    @Message("This cannot be done in the current phase.")
    String wrongPhase();

    @Override
    @Message("The meeting cannot move to that phase from here.")
    String illegalTransition();

    @Override
    @Message("There is no such participant.")
    String unknownParticipant();

    @Override
    @Message("There is no such theme in the guide.")
    String unknownTheme();

    @Override
    @Message("There is no such note.")
    String unknownNote();

    @Override
    @Message("There is no such question.")
    String unknownQuestion();

    @Override
    @Message("There is no such topic.")
    String unknownTopic();

    @Override
    @Message("The circle is full: at most {max} participants.")
    String circleFull(int max);

    @Override
    @Message("That seat is taken.")
    String seatTaken();

    @Override
    @Message("Another participant has that name.")
    String pseudonymTaken();

    @Override
    @Message("This participant has spoken already and stays in the record.")
    String hasSpoken();

    @Override
    @Message("This theme was discussed already and stays in the guide.")
    String themeStarted();

    @Override
    @Message("The guide has the most themes it can hold: {max}.")
    String guideFull(int max);

    @Override
    @Message("There is no next theme in the guide.")
    String noNextTheme();

    @Override
    @Message("Nobody is waiting to speak.")
    String queueEmpty();

    @Override
    @Message("This is not your question.")
    String notYours();

    @Override
    @Message("The question's status does not allow this.")
    String questionStatus();

    @Override
    @Message("You have the most waiting questions allowed ({max}); wait for the moderator.")
    String tooManyQuestions(int max);

    @Override
    @Message("Handing in topics is closed.")
    String topicsClosed();

    @Override
    @Message("Join the meeting first.")
    String notJoined();

    @Override
    @Message("Joining this meeting is closed.")
    String joiningClosed();

    @Override
    @Message("The meeting has the most listeners allowed.")
    String listenersFull();

    @Override
    @Message("There is no such action.")
    String unknownAction();

    @Override
    @Message("This service norm does not exist, or is not on this meeting's guide.")
    String unknownNorm();

    @Override
    @Message("This meeting already evaluates {max} service norms; no more can be added.")
    String normsFull(int max);

    @Override
    @Message("This service norm already has a verdict; it stays on the guide.")
    String normEvaluated();

    @Override
    @Message("The letter already has {max} versions; no more are kept.")
    String letterFull(int max);

    @Override
    @Message("There are {max} places for participants already; no more can be added.")
    String placesFull(int max);

    @Override
    @Message("This participant has no seat in the circle.")
    String notInCircle();

    @Override
    @Message("The file was not read. {rows}")
    String badRows(String rows);

    @Override
    @Message("Row {row}: there must be three columns: theme, score and number of respondents.")
    String rowColumns(int row);

    @Override
    @Message("Row {row}: theme '{value}' is not in the conversation guide.")
    String rowUnknownTheme(int row, String value);

    @Override
    @Message("Row {row}: theme '{value}' was in an earlier row already.")
    String rowDuplicate(int row, String value);

    @Override
    @Message("Row {row}, column {column}: '{value}' is not a number.")
    String rowNotANumber(int row, String column, String value);

    @Override
    @Message("Row {row}, column {column}: '{value}' is not possible. A score is 0 to 100, the number of respondents at least 1.")
    String rowOutOfRange(int row, String column, String value);

    @Override
    @Message("'{field}': the meeting's own date is set with the meeting's facts.")
    String theMeetingsDate(String field);

    @Override
    @Message("'{field}': give a new date or take the date away, not both.")
    String dateOrNone(String field);

    @Override
    @Message("'{field}': do not fill in an e-mail address or phone number. Spiegel keeps no contact data of participants.")
    String contactData(String field);

    @Override
    @Message("'{field}': this value is in the list already.")
    String unique(String field);

    @Override
    @Message("'{field}': the numbers must add up to {total}.")
    String addsUpTo(String field, int total);

    @Override
    @Message("The time to fill this in is over, or has not begun.")
    String windowClosed();

    @Override
    @Message("This meeting already has {max} evaluations; no more can be added.")
    String evaluationsFull(int max);

    @Override
    @Message("Fill in at least one answer.")
    String emptyAnswer();

    @Override
    @Message("This is a rehearsal: it is never counted, not in a report and not in a series.")
    String practice();

    @Override
    @Message("This page is no longer available: the link was revoked, or the meeting was erased.")
    String gone();

    @Override
    @Message("'{field}': must be {min} to {max} characters.")
    String length(String field, int min, int max);

    @Override
    @Message("'{field}': must be a whole number from {min} to {max}.")
    String range(String field, int min, int max);

    @Override
    @Message("'{field}': is needed.")
    String needed(String field);

    @Override
    @Message("'{field}': must be true or false.")
    String trueOrFalse(String field);

    @Override
    @Message("'{field}': must be one of {values}.")
    String oneOf(String field, String values);

    @Override
    @Message("'{field}': is not in the speaker queue.")
    String notQueued(String field);

    @Override
    @Message("'{field}': must be another question.")
    String notItself(String field);

    @Override
    @Message("'{field}': may hold at most {max}.")
    String atMost(String field, int max);

    @Override
    @Message("'{field}': must be an improvement point or a wish.")
    String notActionable(String field);

    @Override
    @Message("'{field}': may not contain control characters.")
    String controlCharacters(String field);

    @Override
    @Message("'{field}': must be a web address that starts with https://.")
    String webAddress(String field);

    @Override
    @Message("'{field}' has a value of the wrong kind.")
    String wrongKind(String field);

    @Override
    @Message("The message is not valid JSON.")
    String badJson();

    @Override
    @Message("A message is a JSON object.")
    String notAnObject();

    @Override
    @Message("A message needs a 'type'.")
    String typeNeeded();

    @Override
    @Message("Say hello first.")
    String helloFirst();

    @Override
    @Message("There is no command '{type}'.")
    String unknownType(String type);

    @Override
    @Message("A command needs a 'commandId' of 1 to 100 letters, digits or . _ : -")
    String commandIdNeeded();

    @Override
    @Message("Not stored. Send it again with the same commandId.")
    String unavailable();

    @Override
    @Message("Spiegel is too busy for a moment. Nothing changed; try again in {seconds} second.")
    String busy(int seconds);

    @Override
    @Message("Spiegel cannot reach its data for a moment. Nothing changed; try again in {seconds} seconds.")
    String databaseUnreachable(long seconds);

    @Override
    @Message("This connection said hello already.")
    String alreadySubscribed();

    @Override
    @Message("'lastSeq' must be a whole number.")
    String lastSeqNumber();

    @Override
    @Message("This needs a valid key: use the link you were given.")
    String unauthorized();

    @Override
    @Message("A JSON body is needed.")
    String bodyNeeded();

    @Override
    @Message("The body is not valid JSON of the expected form.")
    String badBody();

    @Override
    @Message("There is nothing at this address.")
    String nothingHere();

    @Override
    @Message("This address does not take this method.")
    String wrongMethod();

    @Override
    @Message("Send JSON (application/json).")
    String sendJson();

    @Override
    @Message("The request could not be handled.")
    String notHandled();

    @Override
    @Message("The request is too large: at most {kib} KiB.")
    String tooLarge(long kib);

    @Override
    @Message("No meeting has this code. Check the code on the screen in the room.")
    String unknownCode();

    @Override
    @Message("'meetingKey': is not a moderator's key of a meeting.")
    String notAModeratorKey();

    @Override
    @Message("'title': repeat the meeting's title to erase it.")
    String repeatTitle();

    @Override
    @Message("'version': there is no such finalised version.")
    String noSuchVersion();

    @Override
    @Message("There is no such listener (any more).")
    String unknownListener();

    @Override
    @Message("No more questions can be added now: {waiting} are waiting already, or the meeting has {total}.")
    String questionsFull(int waiting, int total);

    @Override
    @Message("You have handed in {max} topics already; no more can be added.")
    String tooManyTopics(int max);

    @Override
    @Message("The meeting has {max} topics already; no more can be added.")
    String topicsFull(int max);

    @Override
    @Message("Something was already created with this Idempotency-Key. The links were in the first answer; create again with a new key if needed.")
    String alreadyCreated();

    @Override
    @Message("Too many requests from this address. Try again in {seconds} seconds.")
    String tooManyRequests(long seconds);

    @Override
    @Message("Too many wrong codes. Try again in {seconds} seconds.")
    String tooManyGuesses(long seconds);

    @Override
    @Message("Too many messages: at most {max} a minute with this key. Wait a moment and send again.")
    String commandsPerMinute(int max);

    @Override
    @Message("This link is open {max} times at once already. Close another window.")
    String tooManyConnections(int max);

    @Override
    @Message("The meeting has {max} notes already; no more can be added.")
    String notesFull(int max);

    @Override
    @Message("Goal and target group set")
    String milestoneGoalSet();

    @Override
    @Message("Conversation guide ready")
    String milestoneGuideReady();

    @Override
    @Message("Recruiting participants started")
    String milestoneRecruitingStarted();

    @Override
    @Message("Participants informed")
    String milestoneParticipantsInformed();

    @Override
    @Message("Listeners invited")
    String milestoneListenersInvited();

    @Override
    @Message("Mirror meeting")
    String milestoneMeeting();

    @Override
    @Message("Draft report ready")
    String milestoneReportDraft();

    @Override
    @Message("Report finalised")
    String milestoneReportPublished();

    @Override
    @Message("Check on the actions")
    String milestoneFollowUpCheck();

    @Override
    @Message("Thank-you letter sent")
    String milestoneLetterSent();

    @Override
    @Message("Who: the moderator")
    String ownerModerator();

    @Override
    @Message("Who: the organisation")
    String ownerOrganisation();

    @Override
    @Message("Done")
    String milestoneDone();
}
