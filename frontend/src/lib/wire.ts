// What the server sends, as types generated from its API description (docs/openapi.json →
// api-schema.ts, made by `npm run types` before every build and test): a field renamed on the server
// breaks this app's build. The app renders these views; it never computes one itself.
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type ModeratorView = Schemas['ModeratorView'];
export type ListenerView = Schemas['ListenerView'];
export type DisplayView = Schemas['DisplayView'];
export type View = ModeratorView | ListenerView | DisplayView;

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

// Before the meeting: recruitment and the track planner. The server always sends every field of
// these, but its API description does not mark them required yet, so they are made complete here,
// and the fields the server may send as null say so.
type Complete<T> = T extends (infer U)[] ? Complete<U>[] : T extends object ? { [K in keyof T]-?: Complete<NonNullable<T[K]>> } : T;
export type ParticipantStatus = Schemas['ParticipantStatus'];
export type Place = Schemas['Place'];
export type Category = Complete<Schemas['Category']>;
export type ShareCoverage = Omit<Complete<Schemas['ShareCoverage']>, 'actualPercent'> & { actualPercent: number | null };
export type CategoryCoverage = Omit<Complete<Schemas['CategoryCoverage']>, 'shares'> & { shares: ShareCoverage[] };
export type Warning = Omit<Complete<Schemas['Warning']>, 'category' | 'value'> & { category: string | null; value: string | null };
export type Coverage = Omit<Complete<Schemas['Coverage']>, 'crossSection' | 'warnings'>
  & { crossSection: CategoryCoverage[]; warnings: Warning[] };
export type RecruitmentView = Omit<Schemas['RecruitmentView'], 'coverage' | 'crossSection'> & { coverage: Coverage; crossSection: Category[] };
export type RecruitmentResponse = { recruitment: RecruitmentView; createdId: string | null };
export type Milestone = Schemas['Milestone'];
export type Owner = Schemas['Owner'];
export type Step = Omit<Complete<Schemas['Step']>, 'due' | 'doneAt'> & { due: string | null; doneAt: string | null };
export type TrackView = Omit<Complete<Schemas['TrackView']>, 'steps' | 'scheduledStart'> & { steps: Step[]; scheduledStart: string | null };
export type SeriesTrack = { seriesId: string; name: string; meetings: TrackView[] };
