// What the server sends, as types generated from its API description (docs/openapi.json →
// api-schema.ts, made by `npm run types` before every build and test): a field renamed on the server
// breaks this app's build. The app renders these views; it never computes one itself.
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type ModeratorView = Schemas['ModeratorView'];
export type ListenerView = Schemas['ListenerView'];
export type DisplayView = Schemas['DisplayView'];
/** The follow-up page's view (role PUBLIC): what was done with the participants' input. */
export type FollowUpView = Schemas['FollowUpView'];
export type View = ModeratorView | ListenerView | DisplayView | FollowUpView;

export type SeatStats = Schemas['SeatStats'];
export type QuestionView = Schemas['QuestionView'];
export type NoteView = Schemas['NoteView'];
export type NoteTag = Schemas['NoteTag'];
export type Nudge = Schemas['Nudge'];
export type Action = Schemas['Action'];
export type ActionStatus = Schemas['ActionStatus'];
export type Phase = Schemas['Phase'];

export type CreatedMeeting = Schemas['CreatedMeeting'];
export type JoinInfo = Schemas['JoinInfo'];
export type RotatedKey = Schemas['RotatedKey'];
export type Preview = Schemas['Preview'];
export type Joined = Schemas['Joined'];
export type SeriesCreated = Schemas['Created'];
export type SeriesOverview = Schemas['Overview'];
export type Report = Schemas['Report'];
export type ReportVersion = Schemas['Version'];
export type MeetingLine = Schemas['MeetingLine'];

export type FollowUpPage = Schemas['FollowUpPage'];
export type LinkState = Schemas['LinkState'];
export type Letter = Schemas['Letter'];
export type Norm = Schemas['Norm'];
export type NormCheck = Schemas['NormCheck'];
export type NormStatus = Schemas['NormStatus'];
export type NormVerdict = Schemas['NormVerdict'];
export type TopicView = Schemas['TopicView'];

// Before the meeting: recruitment and the track planner.
export type ParticipantStatus = Schemas['ParticipantStatus'];
export type Place = Schemas['Place'];
export type Category = Schemas['Category'];
export type ShareCoverage = Schemas['ShareCoverage'];
export type CategoryCoverage = Schemas['CategoryCoverage'];
export type Warning = Schemas['Warning'];
export type Coverage = Schemas['Coverage'];
export type RecruitmentView = Schemas['RecruitmentView'];
export type RecruitmentResponse = Schemas['RecruitmentResponse'];
export type Milestone = Schemas['Milestone'];
export type Owner = Schemas['Owner'];
export type Step = Schemas['Step'];
export type TrackView = Schemas['TrackView'];
export type SeriesTrack = Schemas['SeriesTrack'];

// The debrief (issue 29): the listeners' take-aways and the participants' evaluation, shown to the
// team only aggregated, from three on.
export type TakeAway = Schemas['TakeAway'];
export type TakeAwayKind = Schemas['TakeAwayKind'];
export type TakeAwayGroup = Schemas['TakeAwayGroup'];
export type DebriefView = Schemas['DebriefView'];
export type PerceivedView = Schemas['PerceivedView'];
export type EvaluationView = Schemas['EvaluationView'];
export type EvaluationItem = Schemas['Item'];
export type EvaluationCard = Schemas['EvaluationCard'];
export type EvaluationForm = Schemas['EvaluationForm'];
export type EvaluationAnswers = Schemas['GiveEvaluation'];
