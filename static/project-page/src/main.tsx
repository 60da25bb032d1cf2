import { mountApp } from '../../common/mountApp';
import { ProjectPage } from './ProjectPage';

void mountApp(<ProjectPage />);
