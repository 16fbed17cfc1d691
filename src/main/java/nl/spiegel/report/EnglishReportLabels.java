package nl.spiegel.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The words of the report and the letter in English. */
@Localized("en")
public interface EnglishReportLabels extends ReportLabels {

    @Override
    @Message("Report")
    String report();

    @Override
    @Message("Draft")
    String draft();

    @Override
    @Message("Version")
    String version();

    @Override
    @Message("Facts")
    String facts();

    @Override
    @Message("Date")
    String date();

    @Override
    @Message("Target group")
    String targetGroup();

    @Override
    @Message("Goal")
    String goal();

    @Override
    @Message("Participants")
    String participants();

    @Override
    @Message("Listeners")
    String listeners();

    @Override
    @Message("Summary")
    String summary();

    @Override
    @Message("What the participants told")
    String themes();

    @Override
    @Message("General")
    String general();

    @Override
    @Message("Strengths")
    String strengths();

    @Override
    @Message("Improvement points")
    String improvementPoints();

    @Override
    @Message("Wishes")
    String wishes();

    @Override
    @Message("Quotes")
    String quotes();

    @Override
    @Message("Other")
    String other();

    @Override
    @Message("No notes.")
    String nothing();

    @Override
    @Message("Participation in the conversation")
    String participation();

    @Override
    @Message("Share of the participants' speaking time")
    String chart();

    @Override
    @Message("turns")
    String turns();

    @Override
    @Message("Largest to smallest, without names: it shows how evenly the time was spread, not who said little.")
    String chartWithoutNames();

    @Override
    @Message("{underHalf} of the {participants} participants spoke less than half of an equal share of the time.")
    String spread(int underHalf, int participants);

    @Override
    @Message("You can read what happens with your input on this page. Scan the code with your phone's camera, or type the address. The page is updated as soon as something changes.")
    String followUp();

    @Override
    @Message("What the participants found most important")
    String roundUp();

    @Override
    @Message("Service norms the participants evaluated")
    String normsEvaluated();

    @Override
    @Message("Met")
    String verdictMet();

    @Override
    @Message("Not met")
    String verdictNotMet();

    @Override
    @Message("Unclear")
    String verdictUnclear();

    @Override
    @Message("Topics from listeners")
    String topics();

    @Override
    @Message("How did you find the meeting?")
    String evaluationCard();

    @Override
    @Message("Tick a box: 1 is not at all, 5 is fully. You do not need to write your name.")
    String evaluationScale();

    @Override
    @Message("Rather on your phone? Scan the code.")
    String evaluationPhone();

    @Override
    @Message("How the participants found the meeting")
    String evaluation();

    @Override
    @Message("{n} participants filled in the evaluation.")
    String evaluationAnswers(int n);

    @Override
    @Message("I felt heard")
    String evalHeard();

    @Override
    @Message("There was enough time")
    String evalTime();

    @Override
    @Message("I had clear information beforehand")
    String evalInformation();

    @Override
    @Message("I would take part again")
    String evalAgain();

    @Override
    @Message("on average {average} out of 5 ({answers} answers)")
    String average(String average, int answers);

    @Override
    @Message("Remarks")
    String remarks();

    @Override
    @Message("Appendix: what the listeners took home")
    String takeAways();

    @Override
    @Message("{n} listeners wrote down what they took home. It does not say who wrote what.")
    String takeAwaysWriters(int n);

    @Override
    @Message("Eye-opener")
    String eyeopener();

    @Override
    @Message("What I will do differently")
    String doDifferently();

    @Override
    @Message("Also")
    String freeTakeAway();

    @Override
    @Message("Satisfaction survey: {score} ({respondents} respondents)")
    String survey(String score, int respondents);

    @Override
    @Message("answered in writing afterwards")
    String answeredInWriting();

    @Override
    @Message("Thank you again for your openness. If you have any questions, please let me know.")
    String closing();

    @Override
    @Message("Balance in the group (1 = everyone equally long)")
    String balance();

    @Override
    @Message("Moderator's share of the speaking time")
    String moderatorShare();

    @Override
    @Message("Clarifying questions from listeners")
    String questions();

    @Override
    @Message("answered")
    String answered();

    @Override
    @Message("not answered")
    String notAnswered();

    @Override
    @Message("Answer")
    String answer();

    @Override
    @Message("No questions.")
    String noQuestions();

    @Override
    @Message("Conclusions")
    String conclusions();

    @Override
    @Message("Proposed service norms")
    String norms();

    @Override
    @Message("Participants appear in this report by first name or seat only.")
    String privacy();

    @Override
    @Message("Thank you for your contribution")
    String letter();

    @Override
    @Message("Dear participant,")
    String dear();

    @Override
    @Message("Thank you very much for taking part in the mirror meeting")
    String thanks();

    @Override
    @Message("Your experiences help us improve our service. Staff of the organisation listened to you carefully.")
    String thanks2();

    @Override
    @Message("What we heard from you")
    String heard();

    @Override
    @Message("What we will do now")
    String next();

    @Override
    @Message("by")
    String due();

    @Override
    @Message("This is what we will do. Each promise says who does it and when it will be done.")
    String commitments();

    @Override
    @Message("We are working out the improvement points now. You will hear from us what we will do.")
    String noActions();

    @Override
    @Message("Kind regards,")
    String regards();

    @Override
    @Message("The moderator")
    String sender();
}
