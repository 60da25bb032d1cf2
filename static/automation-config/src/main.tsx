import { mountApp } from '../../common/mountApp';
import { ActionConfigForm } from './ActionConfigForm';

void mountApp(<ActionConfigForm />);
