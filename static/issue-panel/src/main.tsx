import { mountApp } from '../../common/mountApp';
import { IssuePanel } from './IssuePanel';

void mountApp(<IssuePanel />);
